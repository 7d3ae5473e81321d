function layer = reluLayer(varargin)
%RELULAYER  A rectified linear unit after a hidden fullyConnectedLayer: max(x, 0).
%   layer = bigru.reluLayer()
%   layer = bigru.reluLayer('Name', name)
o = bigru.internal.nameValue('reluLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('relu', o.Name);
end
