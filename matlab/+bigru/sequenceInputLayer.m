function layer = sequenceInputLayer(varargin)
%SEQUENCEINPUTLAYER  The input of a sequence network: inputSize features (channels) per time step.
%   layer = bigru.sequenceInputLayer(inputSize)
%   layer = bigru.sequenceInputLayer(inputSize, Name, Value, ...)
%   'Name'                    layer name
%   'Normalization'           'none' (default), 'zerocenter' (subtract Mean), 'zscore' (subtract Mean, divide by
%                             StandardDeviation), 'rescale-symmetric' ([Min, Max] onto [-1, 1]) or
%                             'rescale-zero-one' ([Min, Max] onto [0, 1]), applied to every sequence the network
%                             trains on or predicts for
%   'NormalizationDimension'  'auto' or 'channel' (statistics per channel over every time step of every training
%                             sequence), or 'all' (one over all values)
%   'Mean', 'StandardDeviation', 'Min', 'Max'
%                             statistics to use (inputSize values, or one for 'all') when training's
%                             ResetInputNormalization is false; by default training computes them from the training
%                             data (StandardDeviation: the population one, divisor N) and stores them in the network
%                             (net.Layers(1) shows them)
%   A channel that does not vary in the training data (standard deviation 0, or Max equal to Min) is only shifted.
try
  layer = bigru.internal.arguments('sequenceInputLayer', varargin);
catch err
  bigru.internal.raise(err);
end
end
