function layer = classificationLayer(varargin)
%CLASSIFICATIONLAYER  The output of a classification network: cross-entropy loss over the classes.
%   layer = bigru.classificationLayer()
%   layer = bigru.classificationLayer('Name', name)
layer = bigru.internal.arguments('classificationLayer', varargin);
end
