function layer = regressionLayer(varargin)
%REGRESSIONLAYER  The output of a regression network: mean squared error loss.
%   layer = bigru.regressionLayer()
%   layer = bigru.regressionLayer('Name', name)
o = bigru.internal.nameValue('regressionLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('regression', o.Name);
end
