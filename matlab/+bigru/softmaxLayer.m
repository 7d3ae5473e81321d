function layer = softmaxLayer(varargin)
%SOFTMAXLAYER  Softmax over the classes; comes before classificationLayer.
%   layer = bigru.softmaxLayer()
%   layer = bigru.softmaxLayer('Name', name)
layer = bigru.internal.arguments('softmaxLayer', varargin);
end
