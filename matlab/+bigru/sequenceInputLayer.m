function layer = sequenceInputLayer(varargin)
%SEQUENCEINPUTLAYER  The input of a sequence network: inputSize features per time step.
%   layer = bigru.sequenceInputLayer(inputSize)
%   layer = bigru.sequenceInputLayer(inputSize, 'Name', name)
%   'Normalization' accepts only 'none' (MATLAB's default): standardize the data before training, as the
%   regression example does, fitting the scaler on the training part only.
layer = bigru.internal.arguments('sequenceInputLayer', varargin);
end
