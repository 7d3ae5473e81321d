function net = loadNetwork(file)
%LOADNETWORK  Reads a network from a model file written by saveNetwork, the bigru command line or a
%   PyTorch export (see the model file format in the bigru README).
%   net = bigru.loadNetwork(file)
fname = 'loadNetwork';
if nargin ~= 1
  error('bigru:invalidArgument', '%s: expected loadNetwork(file)', fname);
end
if isa(file, 'string')
  file = char(file);
end
if ~ischar(file) || isempty(file)
  error('bigru:invalidArgument', '%s: file must be a file name', fname);
end
try
  jnet = javaMethod('load', bigru.internal.javaClass('Bigru'), file);
catch err
  bigru.internal.javaError(err, fname);
end
net = bigru.internal.network(jnet);
end
