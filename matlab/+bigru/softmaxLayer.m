function layer = softmaxLayer(varargin)
%SOFTMAXLAYER  Softmax over the classes; comes before classificationLayer.
%   layer = bigru.softmaxLayer()
%   layer = bigru.softmaxLayer('Name', name)
try
  layer = bigru.internal.arguments('softmaxLayer', varargin);
catch err
  bigru.internal.raise(err);
end
end
