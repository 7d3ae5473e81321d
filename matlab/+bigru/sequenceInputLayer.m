function layer = sequenceInputLayer(inputSize, varargin)
%SEQUENCEINPUTLAYER  The input of a sequence network: inputSize features per time step.
%   layer = bigru.sequenceInputLayer(inputSize)
%   layer = bigru.sequenceInputLayer(inputSize, 'Name', name)
%   'Normalization' accepts only 'none' (MATLAB's default): standardize the data before training, as the
%   regression example does, fitting the scaler on the training part only.
if nargin < 1
  error('bigru:invalidArgument', 'sequenceInputLayer: inputSize (features per time step) is required');
end
o = bigru.internal.nameValue('sequenceInputLayer', struct('Name', '', 'Normalization', 'none'), varargin);
bigru.internal.choice(o.Normalization, 'sequenceInputLayer', 'Normalization', {'none'});
layer = bigru.internal.layer('sequenceInput', o.Name, ...
    'InputSize', bigru.internal.count(inputSize, 'sequenceInputLayer', 'inputSize'));
end
