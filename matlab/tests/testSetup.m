function testSetup(ctx)
% bigru.setup reports the JVM and kernels, can run again, and names a missing jar.
info = ctx.info;
check(info.JavaVersion >= 17, 'Java %d', info.JavaVersion);
check(exist(info.Jar, 'file') == 2, 'the jar %s exists', info.Jar);
check(islogical(info.VectorAPI) && ~isempty(strfind(info.Kernels, ifelse(info.VectorAPI, 'panama', 'scalar'))), ...
      'kernels %s with VectorAPI %d', info.Kernels, info.VectorAPI);
check(info.Compat && exist('trainNetwork', 'file') == 2, 'Octave gets the unqualified names');
check(info.CategoricalShim && ~isempty(regexp(which('categorical'), 'compat[\\/]categorical', 'once')), ...
      'Octave, which has no categorical, gets bigru''s');
again = bigru.setup(info.Jar, 'Quiet', true);
check(isequal(again, info), 'setup runs again with the same result');
expectError(@() bigru.setup(fullfile(ctx.outDir, 'no-such.jar'), 'Quiet', true), 'no-such.jar does not exist');
expectError(@() bigru.setup('Quiet', true, 'Verbose', 1), '''Verbose'' is not an option of setup');
end

function v = ifelse(c, a, b)
if c
  v = a;
else
  v = b;
end
end
