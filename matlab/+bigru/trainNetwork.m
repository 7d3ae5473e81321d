function [net, info] = trainNetwork(X, Y, layers, options)
%TRAINNETWORK  Trains a recurrent network (GRU and LSTM layers) on sequences, on the Java core, in MATLAB's older
%   idiom (trainnet is the current one).
%   net = bigru.trainNetwork(X, Y, layers, options)
%   [net, info] = bigru.trainNetwork(...)
%
%   X: cell array of numFeatures-by-numTimeSteps matrices (lengths may differ), or one such matrix.
%   Y, by the layers' task and the last recurrent layer's OutputMode:
%     classification, 'last':     one label per sequence: categorical (in Octave, bigru's minimal one),
%                                 numeric or logical vector, or cell array of strings
%     classification, 'sequence': cell array of label rows, Y{i} with one label per time step of X{i}
%     regression, 'last':         numeric matrix, one row of responses per sequence
%     regression, 'sequence':     cell array of numResponses-by-numTimeSteps matrices
%   layers:  a layer array ending with an output layer, e.g. [sequenceInputLayer(3); bigruLayer(64);
%            fullyConnectedLayer(1); regressionLayer]
%   options: from trainingOptions.
%
%   As MATLAB's trainNetwork, with ValidationData it validates after iteration 1, every ValidationFrequency
%   iterations and after the last one; ValidationPatience counts validations; OutputNetwork 'auto' returns the
%   best validation's network when there is validation data.
%   net: a bigru.SeriesNetwork. info: TrainingLoss, TrainingAccuracy (percent; TrainingRMSE for regression),
%   ValidationLoss and ValidationAccuracy (or ValidationRMSE; NaN where none ran) and BaseLearnRate per iteration;
%   FinalValidationLoss and FinalValidationAccuracy (or FinalValidationRMSE) of the network returned;
%   OutputNetworkIteration; StopReason.
fname = 'trainNetwork';
try
  if nargin ~= 4
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected trainNetwork(X, Y, layers, options)');
  end
  [net, info] = bigru.internal.train(fname, X, Y, layers, [], options, nargout > 1);
catch err
  bigru.internal.raise(err);
end
end
