function options = trainingOptions(varargin)
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
options = bigru.internal.arguments('trainingOptions', varargin);
% ValidationData holds MATLAB data, which crosses to Java only when trainNetwork sends it.
v = options.ValidationData;
if ~isempty(v) && ~(iscell(v) && numel(v) == 2)
  error('bigru:invalidArgument', 'trainingOptions: ValidationData must be a cell array {XValidation, YValidation}');
end
end
