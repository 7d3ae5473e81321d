function net = importFile(fname, javaName, args)
%IMPORTFILE  The network Interchange.(javaName) reads from the one file name in args, for the import functions
%   (fname names the public function in messages).
if numel(args) ~= 1
  bigru.internal.fail(fname, 'wrongArgumentCount', 'expected %s(filename)', fname);
end
filename = bigru.internal.fileName(args{1}, fname, 'filename');
try
  jnet = javaMethod(javaName, bigru.internal.javaClass('Interchange'), filename);
catch err
  bigru.internal.javaError(err, fname, 'fileError');
end
net = bigru.internal.network(jnet);
end
