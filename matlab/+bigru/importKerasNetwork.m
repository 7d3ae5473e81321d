function net = importKerasNetwork(filename)
%IMPORTKERASNETWORK  Reads a network from a Keras model file: a Keras 3 .keras file or a Keras 2 .h5 file
%   with Bidirectional(GRU), GRU, Dense, Dropout and Masking layers.
%   net = bigru.importKerasNetwork(filename)
%   The configuration is only read, never run: a Lambda layer, a custom object or any other layer is an
%   error naming the layer and its class.
fname = 'importKerasNetwork';
if nargin ~= 1
  error('bigru:invalidArgument', '%s: expected importKerasNetwork(filename)', fname);
end
if isa(filename, 'string')
  filename = char(filename);
end
if ~ischar(filename) || isempty(filename)
  error('bigru:invalidArgument', '%s: filename must be a file name', fname);
end
try
  jnet = javaMethod('importKeras', bigru.internal.javaClass('Interchange'), filename);
catch err
  bigru.internal.javaError(err, fname);
end
net = bigru.internal.network(jnet);
end
