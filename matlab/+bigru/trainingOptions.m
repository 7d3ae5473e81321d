function options = trainingOptions(solverName, varargin)
%TRAININGOPTIONS  Options for trainNetwork, with MATLAB's names and defaults.
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
%     OutputNetwork ('last-iteration' | 'best-validation-loss'), SequenceLength ('longest'),
%     SequencePaddingDirection ('right' | 'left'), SequencePaddingValue (0), ExecutionEnvironment
%     ('auto' | 'cpu'), Verbose (true), VerboseFrequency (50), Plots ('none' | 'training-progress'),
%     Seed ([]: drawn from rand, so rng(s) makes training repeatable; or a whole number),
%     CheckpointPath ('': none; a folder receiving a checkpoint after every epoch, the last two kept; it
%     belongs to the run that first used it, so another run there is refused),
%     CheckpointFrequency (1), CheckpointFrequencyUnit ('epoch' | 'iteration': also every N iterations),
%     ResumeFromCheckpoint (false; bigru's: continue from the newest valid checkpoint in CheckpointPath,
%     with the same data and options, e.g. a larger MaxEpochs, and an explicit Seed).
%
%   bigru masks the padding of every mini-batch, so SequencePaddingDirection and SequencePaddingValue do
%   not change results. GradientThresholdMethod 'l2norm' scales each parameter's gradient on its own,
%   'global-l2norm' all of them together, 'absolute-value' clamps each element.
if nargin < 1
  error('bigru:invalidArgument', 'trainingOptions: solverName (''adam'', ''sgdm'' or ''rmsprop'') is required');
end
solver = bigru.internal.choice(solverName, 'trainingOptions', 'solverName', {'adam', 'sgdm', 'rmsprop'});
learnRate = 0.001;
squaredDecay = 0.999;
if strcmp(solver, 'sgdm')
  learnRate = 0.01;
elseif strcmp(solver, 'rmsprop')
  squaredDecay = 0.9;
end
defaults = struct('MaxEpochs', 30, 'MiniBatchSize', 128, 'InitialLearnRate', learnRate, ...
    'L2Regularization', 1e-4, 'Momentum', 0.9, 'GradientDecayFactor', 0.9, ...
    'SquaredGradientDecayFactor', squaredDecay, 'Epsilon', 1e-8, 'GradientThreshold', Inf, ...
    'GradientThresholdMethod', 'l2norm', 'LearnRateSchedule', 'none', 'LearnRateDropFactor', 0.1, ...
    'LearnRateDropPeriod', 10, 'Shuffle', 'once', 'ValidationData', [], 'ValidationFrequency', 50, ...
    'ValidationPatience', Inf, 'OutputNetwork', 'last-iteration', 'SequenceLength', 'longest', ...
    'SequencePaddingDirection', 'right', 'SequencePaddingValue', 0, 'ExecutionEnvironment', 'auto', ...
    'Verbose', true, 'VerboseFrequency', 50, 'Plots', 'none', 'Seed', [], 'CheckpointPath', '', ...
    'CheckpointFrequency', 1, 'CheckpointFrequencyUnit', 'epoch', 'ResumeFromCheckpoint', false);
values = bigru.internal.nameValue('trainingOptions', defaults, varargin);
names = fieldnames(values);
for i = 1:numel(names)
  name = names{i};
  v = values.(name);
  if strcmp(name, 'ValidationData')
    if ~isempty(v) && ~(iscell(v) && numel(v) == 2)
      error('bigru:invalidArgument', 'trainingOptions: ValidationData must be a cell array {XValidation, YValidation}');
    end
  elseif ischar(defaults.(name))
    if ~ischar(v) || size(v, 1) > 1
      error('bigru:invalidArgument', 'trainingOptions: %s must be a string', name);
    end
  elseif islogical(defaults.(name))
    if ~((islogical(v) || isnumeric(v)) && isscalar(v))
      error('bigru:invalidArgument', 'trainingOptions: %s must be true or false', name);
    end
    values.(name) = logical(v);
  elseif ~(isempty(v) && strcmp(name, 'Seed')) && ~(isnumeric(v) && isscalar(v) && isreal(v))
    error('bigru:invalidArgument', 'trainingOptions: %s must be a number', name);
  else
    values.(name) = double(v);
  end
end
options = values;
options.Solver = solver;
% The Java side checks every value now, as MATLAB does, with MATLAB's option names in its messages.
bigru.internal.trainingOptionsToJava(options, 'trainingOptions', false);
end
