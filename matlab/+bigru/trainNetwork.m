function [net, info] = trainNetwork(X, Y, layers, options)
%TRAINNETWORK  Trains a recurrent network (GRU and LSTM layers) on sequences, on the Java core.
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
%   layers:  a layer array, e.g. [sequenceInputLayer(3); bigruLayer(64); fullyConnectedLayer(1); regressionLayer]
%   options: from trainingOptions.
%
%   info: TrainingLoss, ValidationLoss (NaN where none ran) and BaseLearnRate per iteration,
%   FinalValidationLoss, OutputNetworkIteration, StopReason.
fname = 'trainNetwork';
if nargin ~= 4
  error('bigru:invalidArgument', '%s: expected trainNetwork(X, Y, layers, options)', fname);
end
la = bigru.internal.layerArray(layers, fname);
jopts = bigru.internal.trainingOptionsToJava(options, fname);
[train, classNames, labelKind, orientation] = bigru.internal.dataset(la, X, Y, 'X', 'Y', {}, fname);
validation = [];
if ~isempty(options.ValidationData)
  validation = bigru.internal.dataset(la, options.ValidationData{1}, options.ValidationData{2}, ...
      'ValidationData X', 'ValidationData Y', classNames, fname);
end
try
  jnet = javaMethod('train', bigru.internal.javaClass('Bigru'), la, train, validation, classNames, jopts, ...
      {'matlab.labelType', 'matlab.labelOrientation'}, {labelKind, orientation});
catch err
  bigru.internal.javaError(err, fname);
end
net = bigru.internal.network(jnet);
plots = jopts.plotsProgress();
if nargout > 1 || plots
  info = struct('TrainingLoss', double(jnet.trainingLoss())', ...
                'ValidationLoss', double(jnet.validationLoss())', ...
                'BaseLearnRate', double(jnet.baseLearnRate())', ...
                'FinalValidationLoss', double(jnet.finalValidationLoss()), ...
                'OutputNetworkIteration', double(jnet.outputNetworkIteration()), ...
                'StopReason', char(jnet.stopReason()));
  if plots
    bigru.internal.plotProgress(info);
  end
end
end
