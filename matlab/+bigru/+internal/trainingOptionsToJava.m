function jopts = trainingOptionsToJava(options, fname, drawSeed)
%TRAININGOPTIONSTOJAVA  The options struct of trainingOptions, checked and converted by the Java side (internal).
%   Numbers cross as text with 17 significant digits (exact), logicals as true/false; ValidationData and
%   Solver are not options of the Java side. An empty Seed is drawn from rand when DRAWSEED (training), so
%   that rng(s) makes training repeatable; when only checking, it stays unset.
if ~isstruct(options) || ~isfield(options, 'Solver')
  error('bigru:invalidArgument', '%s: options must come from trainingOptions', fname);
end
names = fieldnames(options);
names = names(~ismember(names, {'Solver', 'ValidationData'}));
values = cell(size(names));
for i = 1:numel(names)
  v = options.(names{i});
  if strcmp(names{i}, 'Seed') && isempty(v) && drawSeed
    v = floor(rand() * 2^31);
  end
  if ischar(v) || isempty(v)
    values{i} = char(v);
  elseif islogical(v)
    values{i} = mat2str(v);
  else
    values{i} = sprintf('%.17g', v);
  end
end
try
  jopts = javaMethod('fromMatlab', bigru.internal.javaClass('MatlabOptions'), options.Solver, names, values);
catch err
  bigru.internal.javaError(err, fname);
end
end
