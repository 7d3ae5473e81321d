function jopts = trainingOptionsToJava(options, fname)
%TRAININGOPTIONSTOJAVA  The options struct of trainingOptions, checked and converted by the Java side (internal).
%   Every field crosses as it is (see valueText); ValidationData is not read there. An empty Seed is drawn from
%   rand, so that rng(s) makes training repeatable.
if ~isstruct(options) || ~isfield(options, 'Solver')
  error('bigru:invalidArgument', '%s: options must come from trainingOptions', fname);
end
if isfield(options, 'Seed') && isempty(options.Seed)
  options.Seed = floor(rand() * 2^31);
end
fields = fieldnames(options);
[kinds, texts] = cellfun(@(f) bigru.internal.valueText(options.(f)), fields, 'UniformOutput', false);
try
  jopts = javaMethod('fromStruct', bigru.internal.javaClass('MatlabOptions'), fields, kinds, texts);
catch err
  bigru.internal.javaError(err, fname);
end
end
