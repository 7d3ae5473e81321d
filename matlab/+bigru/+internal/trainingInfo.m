function info = trainingInfo(jnet, fname)
%TRAININGINFO  trainNetwork's or trainnet's second output (internal), from what training reported.
%   trainNetwork: TrainingLoss, TrainingAccuracy (percent) or TrainingRMSE, ValidationLoss, ValidationAccuracy or
%   ValidationRMSE (NaN where no validation ran) and BaseLearnRate per iteration (rows); FinalValidationLoss and
%   FinalValidationAccuracy or FinalValidationRMSE of the network returned; OutputNetworkIteration; StopReason.
%   trainnet (MATLAB's TrainingInfo): TrainingHistory (Iteration, Epoch, TimeElapsed, LearnRate, Loss and the
%   Metrics) and ValidationHistory (Iteration, Loss and the Metrics), tables in MATLAB and structs of columns in
%   Octave; OutputNetworkIteration; StopReason.
record = jnet.record();
if record.classification()
  metric = 'Accuracy';
else
  metric = 'RMSE';
end
if strcmp(fname, 'trainNetwork')
  info = struct();
  info.TrainingLoss = row(record.iterationColumn('Loss'));
  info.(['Training' metric]) = row(record.iterationColumn(metric));
  info.ValidationLoss = row(record.validationPerIteration('Loss'));
  info.(['Validation' metric]) = row(record.validationPerIteration(metric));
  info.BaseLearnRate = row(record.iterationColumn('LearnRate'));
  info.FinalValidationLoss = double(jnet.finalValidation('Loss'));
  info.(['FinalValidation' metric]) = double(jnet.finalValidation(metric));
  info.OutputNetworkIteration = double(jnet.outputNetworkIteration());
  info.StopReason = char(jnet.stopReason());
  return
end
metrics = bigru.internal.cellOfStrings(jnet.metrics());
training = struct('Iteration', column(record.iterationColumn('Iteration')), ...
                  'Epoch', column(record.iterationColumn('Epoch')), ...
                  'TimeElapsed', column(record.iterationColumn('TimeElapsed')), ...
                  'LearnRate', column(record.iterationColumn('LearnRate')), ...
                  'Loss', column(record.iterationColumn('Loss')));
validation = struct('Iteration', column(record.validationColumn('Iteration')), ...
                    'Loss', column(record.validationColumn('Loss')));
if ~isempty(metrics)
  training.(metric) = column(record.iterationColumn(metric));
  validation.(metric) = column(record.validationColumn(metric));
end
if exist('OCTAVE_VERSION', 'builtin') == 0
  training = struct2table(training);
  training.TimeElapsed = seconds(training.TimeElapsed);
  validation = struct2table(validation);
end
info = struct('TrainingHistory', training, 'ValidationHistory', validation, ...
              'OutputNetworkIteration', double(jnet.outputNetworkIteration()), 'StopReason', char(jnet.stopReason()));
end

function v = row(values)
v = reshape(double(values), 1, []);
end

function v = column(values)
v = reshape(double(values), [], 1);
end
