function layer = reluLayer(varargin)
%RELULAYER  A rectified linear unit after a hidden fullyConnectedLayer: max(x, 0).
%   layer = bigru.reluLayer()
%   layer = bigru.reluLayer('Name', name)
layer = bigru.internal.arguments('reluLayer', varargin);
end
