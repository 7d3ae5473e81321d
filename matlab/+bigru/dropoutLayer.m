function layer = dropoutLayer(varargin)
%DROPOUTLAYER  Dropout during training: zeroes inputs with the given probability (default 0.5).
%   layer = bigru.dropoutLayer(probability, 'Name', name)
%   It acts where it stands in the layer array, on what the layer before it passes on (inverted dropout,
%   during training only): between recurrent layers, before or after hidden fullyConnectedLayers, anywhere
%   before the output fullyConnectedLayer.
layer = bigru.internal.arguments('dropoutLayer', varargin);
end
