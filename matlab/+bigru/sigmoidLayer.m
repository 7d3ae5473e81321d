function layer = sigmoidLayer(varargin)
%SIGMOIDLAYER  A logistic sigmoid after a hidden fullyConnectedLayer.
%   layer = bigru.sigmoidLayer()
%   layer = bigru.sigmoidLayer('Name', name)
o = bigru.internal.nameValue('sigmoidLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('sigmoid', o.Name);
end
