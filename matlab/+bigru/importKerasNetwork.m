function net = importKerasNetwork(varargin)
%IMPORTKERASNETWORK  Reads a network from a Keras model file: a Keras 3 .keras file or a Keras 2 .h5 file
%   with Bidirectional(GRU or LSTM), GRU, LSTM, Dense, Dropout and Masking layers.
%   net = bigru.importKerasNetwork(filename)
%   The configuration is only read, never run: a Lambda layer, a custom object or any other layer is an
%   error naming the layer and its class.
net = bigru.internal.importFile('importKerasNetwork', 'importKeras', varargin);
end
