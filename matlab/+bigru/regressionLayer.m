function layer = regressionLayer(varargin)
%REGRESSIONLAYER  The output of a regression network: mean squared error loss.
%   layer = bigru.regressionLayer()
%   layer = bigru.regressionLayer('Name', name)
try
  layer = bigru.internal.arguments('regressionLayer', varargin);
catch err
  bigru.internal.raise(err);
end
end
