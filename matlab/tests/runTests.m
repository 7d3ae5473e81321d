function failed = runTests(outDir)
%RUNTESTS  Runs every test*.m of this folder against the bigru jar; prints one line per test and a summary.
%   failed = runTests(outDir): outDir receives files the Java side of the test compares (model files,
%   predictions). The jar comes from BIGRU_JAR or the module's target folder (see bigru.setup).
here = fileparts(mfilename('fullpath'));
addpath(fullfile(here, '..'));
info = bigru.setup('Quiet', true);
fprintf('bigru tests on Java %d, kernels %s, Vector API %d\n', info.JavaVersion, info.Kernels, info.VectorAPI);
ctx = struct('outDir', outDir, 'examples', fullfile(here, '..', 'examples'), 'info', info);
files = dir(fullfile(here, 'test*.m'));
failed = 0;
for k = 1:numel(files)
  name = files(k).name(1:end - 2);
  try
    feval(name, ctx);
    fprintf('ok      %s\n', name);
  catch err
    failed = failed + 1;
    fprintf('FAILED  %s: %s\n', name, err.message);
    for s = 1:numel(err.stack)
      fprintf('          at %s line %d\n', err.stack(s).name, err.stack(s).line);
    end
  end
end
fprintf('bigru Octave tests: %d passed, %d failed\n', numel(files) - failed, failed);
end
