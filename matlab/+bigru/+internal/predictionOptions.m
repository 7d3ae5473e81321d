function predictionOptions(fname, args)
%PREDICTIONOPTIONS  The name-value options classify and predict accept from MATLAB scripts (internal).
%   They are checked but change nothing: bigru predicts in batches of 128 sequences, each padded to its
%   longest and the padding ignored, so results do not depend on them. Without options there is nothing to
%   check (the defaults are valid), so the common call makes no trip to Java for them.
if ~isempty(args)
  bigru.internal.arguments(fname, args);
end
end
