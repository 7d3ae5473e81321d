function options = trainingOptions(varargin)
%TRAININGOPTIONS  Options for trainnet and trainNetwork, with MATLAB's names and defaults.
%   options = bigru.trainingOptions(solverName, Name, Value, ...)
%   solverName: 'adam', 'sgdm' or 'rmsprop'.
%
%   Name (default)
%     MaxEpochs (30), MiniBatchSize (128), InitialLearnRate (0.001; 0.01 for 'sgdm'),
%     L2Regularization (1e-4), Momentum (0.9, sgdm), GradientDecayFactor (0.9, adam),
%     SquaredGradientDecayFactor (0.999 for adam, 0.9 for rmsprop), Epsilon (1e-8),
%     GradientThreshold (Inf), GradientThresholdMethod ('l2norm' | 'global-l2norm' | 'absolute-value'),
%     LearnRateSchedule ('none' | 'piecewise'), LearnRateDropFactor (0.1), LearnRateDropPeriod (10),
%     Shuffle ('once' | 'never' | 'every-epoch'), ValidationData ({XValidation, YValidation}),
%     ValidationFrequency (50 iterations), ValidationPatience (Inf),
%     OutputNetwork ('auto': the best validation's network with ValidationData, else the last iteration's |
%       'last-iteration' | 'best-validation': by ObjectiveMetricName | 'best-validation-loss': by the loss),
%     Metrics ([] | 'accuracy' | 'rmse' | a cell array of them: trainnet's table and history columns),
%     ObjectiveMetricName ('loss' | a name in Metrics: what 'best-validation' and ValidationPatience judge by),
%     SequenceLength ('longest' | 'shortest' | a number of time steps: each mini-batch split into pieces of that
%       many steps, one iteration each, the recurrent states carried from piece to piece),
%     SequencePaddingDirection ('right' | 'left': where 'shortest' cuts and where pieces fall; padding itself is
%       masked), SequencePaddingValue (0), InputDataFormats ('auto' | 'TCB' | 'CTB' | 'BTC' | ...: how trainnet
%       reads X), ResetInputNormalization (true: sequenceInputLayer's statistics from the training data),
%     ExecutionEnvironment ('auto' | 'cpu'), Verbose (true), VerboseFrequency (50), Plots ('none' |
%       'training-progress': a figure updated during training, or where none can be shown a PNG file written at
%       the end), Seed ([]: drawn from rand, so rng(s) makes training repeatable; or a whole number),
%     CheckpointPath ('': none; a folder receiving a checkpoint after every epoch, the last two kept; it
%     belongs to the run that first used it, so another run there is refused),
%     CheckpointFrequency (1), CheckpointFrequencyUnit ('epoch' | 'iteration': also every N iterations),
%     ResumeFromCheckpoint (false; bigru's: continue from the newest valid checkpoint in CheckpointPath,
%     with the same data and options, e.g. a larger MaxEpochs, and an explicit Seed).
%
%   Validation runs as MATLAB's does: trainNetwork after iteration 1, trainnet before the first iteration, then
%   every ValidationFrequency iterations and after the last; ValidationPatience counts validations without a
%   new best. GradientThresholdMethod 'l2norm' scales each parameter's gradient on its own, 'global-l2norm' all
%   of them together, 'absolute-value' clamps each element.
fname = 'trainingOptions';
try
  options = bigru.internal.arguments(fname, varargin);
  % ValidationData holds MATLAB data, which crosses to Java only when training sends it.
  v = options.ValidationData;
  if ~isempty(v) && ~(iscell(v) && numel(v) == 2)
    bigru.internal.fail(fname, 'invalidValue', 'ValidationData must be a cell array {XValidation, YValidation}');
  end
catch err
  bigru.internal.raise(err);
end
end
