function net = importNetworkFromONNX(filename)
%IMPORTNETWORKFROMONNX  Reads a network from an ONNX file with GRU nodes, as PyTorch's torch.onnx.export
%   writes nn.GRU + nn.Linear, or as bigru.exportONNXNetwork writes it.
%   net = bigru.importNetworkFromONNX(filename)
%   The network then works as one from trainNetwork: predict, classify, saveNetwork. A graph bigru cannot
%   compute exactly (another activation, a clip, a node it does not follow) is an error naming the node.
fname = 'importNetworkFromONNX';
if nargin ~= 1
  error('bigru:invalidArgument', '%s: expected importNetworkFromONNX(filename)', fname);
end
if isa(filename, 'string')
  filename = char(filename);
end
if ~ischar(filename) || isempty(filename)
  error('bigru:invalidArgument', '%s: filename must be a file name', fname);
end
try
  jnet = javaMethod('importOnnx', bigru.internal.javaClass('Interchange'), filename);
catch err
  bigru.internal.javaError(err, fname);
end
net = bigru.internal.network(jnet);
end
