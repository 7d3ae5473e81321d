function layer = sigmoidLayer(varargin)
%SIGMOIDLAYER  A logistic sigmoid after a hidden fullyConnectedLayer.
%   layer = bigru.sigmoidLayer()
%   layer = bigru.sigmoidLayer('Name', name)
layer = bigru.internal.arguments('sigmoidLayer', varargin);
end
