function layer = sigmoidLayer(varargin)
%SIGMOIDLAYER  A logistic sigmoid after a hidden fullyConnectedLayer.
%   layer = bigru.sigmoidLayer()
%   layer = bigru.sigmoidLayer('Name', name)
try
  layer = bigru.internal.arguments('sigmoidLayer', varargin);
catch err
  bigru.internal.raise(err);
end
end
