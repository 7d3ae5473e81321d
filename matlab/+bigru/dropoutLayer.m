function layer = dropoutLayer(probability, varargin)
%DROPOUTLAYER  Dropout during training: zeroes inputs with the given probability (default 0.5).
%   layer = bigru.dropoutLayer(probability, 'Name', name)
%   It acts where it stands in the layer array, on what the layer before it passes on (inverted dropout,
%   during training only): between recurrent layers, before or after hidden fullyConnectedLayers, anywhere
%   before the output fullyConnectedLayer.
if nargin < 1
  probability = 0.5;
elseif ischar(probability) || isa(probability, 'string')
  varargin = [{probability}, varargin];
  probability = 0.5;
end
o = bigru.internal.nameValue('dropoutLayer', struct('Name', ''), varargin);
if ~(isnumeric(probability) && isscalar(probability) && isreal(probability) && probability >= 0 && probability < 1)
  error('bigru:invalidArgument', 'dropoutLayer: probability must be a number in [0, 1)');
end
layer = bigru.internal.layer('dropout', o.Name, 'Probability', double(probability));
end
