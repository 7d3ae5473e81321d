function layer = softmaxLayer(varargin)
%SOFTMAXLAYER  Softmax over the classes; comes before classificationLayer.
%   layer = bigru.softmaxLayer()
%   layer = bigru.softmaxLayer('Name', name)
o = bigru.internal.nameValue('softmaxLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('softmax', o.Name);
end
