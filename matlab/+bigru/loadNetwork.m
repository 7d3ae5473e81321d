function net = loadNetwork(file)
%LOADNETWORK  Reads a network from a model file written by saveNetwork, the bigru command line or a
%   PyTorch export (see the model file format in the bigru README).
%   net = bigru.loadNetwork(file)
%   A network trained by trainnet comes back as a bigru.dlnetwork; any other as a bigru.SeriesNetwork.
fname = 'loadNetwork';
try
  if nargin ~= 1
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected loadNetwork(file)');
  end
  file = bigru.internal.fileName(file, fname, 'file');
  try
    jnet = javaMethod('load', bigru.internal.javaClass('Bigru'), file);
  catch err
    bigru.internal.javaError(err, fname, 'fileError');
  end
  net = bigru.internal.network(jnet);
catch err
  bigru.internal.raise(err);
end
end
