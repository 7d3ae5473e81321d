function layer = regressionLayer(varargin)
%REGRESSIONLAYER  The output of a regression network: mean squared error loss.
%   layer = bigru.regressionLayer()
%   layer = bigru.regressionLayer('Name', name)
layer = bigru.internal.arguments('regressionLayer', varargin);
end
