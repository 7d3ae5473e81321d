function testReferenceScript(ctx)
% The reference MATLAB script runs as written (data/referenceScript.m, its text copied verbatim from the
% reference workflow), on 600 handwritten digits with categorical labels: with 'OutputMode', 'sequence' and
% one label per sequence, trainNetwork stops with one message that says to use 'last'; with 'last' (the only
% change) it trains for its 10 epochs and prints the test accuracy.
addpath(ctx.examples);
restorePath = onCleanup(@() rmpath(ctx.examples));
rng(2);
[X_train, y_train, X_val, y_val, X_test, y_test] = loadDigits(600); %#ok<ASGLU> read by the script
input_dim = 8; %#ok<NASGU>
output_dim = 10; %#ok<NASGU>
check(isa(y_train, 'categorical'), 'the labels are categorical, as in MATLAB (here %s)', class(y_train));
script = fileread(fullfile(fileparts(mfilename('fullpath')), 'data', 'referenceScript.m'));
try
  evalc(script);
  refused = false;
catch err
  refused = true;
  check(strcmp(err.identifier, 'bigru:trainNetwork:outputMode'), 'error identifier %s', err.identifier);
  expected = ['trainNetwork: Y holds one label per sequence, but layers(2) (bilstmLayer ''bilstm'') has ' ...
              'OutputMode ''sequence'', which answers every time step: give that layer ''OutputMode'', ''last'''];
  check(strncmp(err.message, expected, numel(expected)), 'the message is "%s"', err.message);
end
check(refused, 'OutputMode ''sequence'' with one label per sequence must be refused');
asWritten = '''OutputMode'', ''sequence''';
fixed = strrep(script, asWritten, '''OutputMode'', ''last''');
check(numel(strfind(script, asWritten)) == 1 && ~strcmp(fixed, script), 'exactly one change to the script');
output = evalc(fixed);
printed = regexp(output, 'Test accuracy: ([0-9.]+)', 'tokens', 'once');
check(~isempty(printed), 'the script prints its accuracy; it printed "%s"', output);
check(abs(str2double(printed{1}) - accuracy) < 1e-6, 'it prints the accuracy it computed');
check(accuracy > 0.6, 'test accuracy %.3f after 10 epochs on 360 digits (chance: 0.1)', accuracy);
check(isa(pred, 'categorical') && isequal(size(pred), size(y_test)), 'classify gives categorical labels');
end
