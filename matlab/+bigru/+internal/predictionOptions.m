function predictionOptions(fname, args)
%PREDICTIONOPTIONS  The name-value options classify and predict accept from MATLAB scripts (internal).
%   They are checked but change nothing: bigru predicts in batches of 128 sequences, each padded to its
%   longest and the padding ignored, so results do not depend on them.
o = bigru.internal.nameValue(fname, struct('MiniBatchSize', 128, 'SequenceLength', 'longest', ...
    'SequencePaddingDirection', 'right', 'SequencePaddingValue', 0, 'ExecutionEnvironment', 'auto', ...
    'Acceleration', 'auto'), args);
bigru.internal.count(o.MiniBatchSize, fname, 'MiniBatchSize');
bigru.internal.choice(o.SequenceLength, fname, 'SequenceLength', {'longest'});
bigru.internal.choice(o.SequencePaddingDirection, fname, 'SequencePaddingDirection', {'right', 'left'});
bigru.internal.choice(o.ExecutionEnvironment, fname, 'ExecutionEnvironment', {'auto', 'cpu'});
bigru.internal.choice(o.Acceleration, fname, 'Acceleration', {'auto', 'none'});
end
