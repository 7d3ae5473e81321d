function layer = fullyConnectedLayer(outputSize, varargin)
%FULLYCONNECTEDLAYER  A fully connected layer with outputSize outputs.
%   layer = bigru.fullyConnectedLayer(outputSize)
%   layer = bigru.fullyConnectedLayer(outputSize, 'Name', name)
%   The last one is the output layer (one output per class or response); earlier ones are hidden layers,
%   each optionally followed by reluLayer, tanhLayer or sigmoidLayer.
if nargin < 1
  error('bigru:invalidArgument', 'fullyConnectedLayer: outputSize is required');
end
o = bigru.internal.nameValue('fullyConnectedLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('fullyConnected', o.Name, ...
    'OutputSize', bigru.internal.count(outputSize, 'fullyConnectedLayer', 'outputSize'));
end
