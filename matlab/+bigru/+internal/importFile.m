function net = importFile(fname, javaName, args)
%IMPORTFILE  The network Interchange.(javaName) reads from the one file name in args, for the import functions
%   (fname names the public function in messages).
if numel(args) ~= 1
  error('bigru:invalidArgument', '%s: expected %s(filename)', fname, fname);
end
filename = args{1};
if isa(filename, 'string')
  filename = char(filename);
end
if ~ischar(filename) || isempty(filename)
  error('bigru:invalidArgument', '%s: filename must be a file name', fname);
end
try
  jnet = javaMethod(javaName, bigru.internal.javaClass('Interchange'), filename);
catch err
  bigru.internal.javaError(err, fname);
end
net = bigru.internal.network(jnet);
end
