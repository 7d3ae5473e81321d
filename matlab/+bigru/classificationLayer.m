function layer = classificationLayer(varargin)
%CLASSIFICATIONLAYER  The output of a classification network: cross-entropy loss over the classes.
%   layer = bigru.classificationLayer()
%   layer = bigru.classificationLayer('Name', name)
o = bigru.internal.nameValue('classificationLayer', struct('Name', ''), varargin);
layer = bigru.internal.layer('classification', o.Name);
end
