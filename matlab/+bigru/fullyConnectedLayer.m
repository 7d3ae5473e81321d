function layer = fullyConnectedLayer(varargin)
%FULLYCONNECTEDLAYER  A fully connected layer with outputSize outputs.
%   layer = bigru.fullyConnectedLayer(outputSize)
%   layer = bigru.fullyConnectedLayer(outputSize, 'Name', name)
%   The last one is the output layer (one output per class or response); earlier ones are hidden layers,
%   each optionally followed by reluLayer, tanhLayer or sigmoidLayer.
layer = bigru.internal.arguments('fullyConnectedLayer', varargin);
end
