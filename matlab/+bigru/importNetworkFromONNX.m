function net = importNetworkFromONNX(varargin)
%IMPORTNETWORKFROMONNX  Reads a network from an ONNX file with GRU or LSTM nodes, as PyTorch's torch.onnx.export
%   writes nn.GRU or nn.LSTM + nn.Linear, or as bigru.exportONNXNetwork writes it.
%   net = bigru.importNetworkFromONNX(filename)
%   The network then works as one from trainNetwork: predict, classify, saveNetwork. A graph bigru cannot
%   compute exactly (another activation, a clip, a node it does not follow) is an error naming the node.
net = bigru.internal.importFile('importNetworkFromONNX', 'importOnnx', varargin);
end
