function testProgressOutput(ctx)
% What training shows: trainNetwork's verbose table with MATLAB's columns (mini-batch and validation accuracy or
% RMSE, then loss, then the base learning rate), trainnet's table (a row for the validation before training, a
% column per metric), both printed by MATLAB (so evalc captures them); and Plots 'training-progress', which
% without a display (octave-cli) writes a PNG at the end and names it, never over an existing file.
rng(71);
[X, y] = toyData(20, 3);
layers = [sequenceInputLayer(3); gruLayer(4, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
          classificationLayer];
opts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 5, 'Seed', 2, 'VerboseFrequency', 3, ...
                       'ValidationData', {X(1:4), y(1:4)}, 'ValidationFrequency', 5);
text = evalc('trainNetwork(X, y, layers, opts);');
lines = strsplit(text, sprintf('\n'));
check(any(strcmp(lines, ['|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Validation  |  Mini-batch  ' ...
      '|  Validation  |  Base Learning  |'])) && any(strcmp(lines, ['|         |             |   (hh:mm:ss)   |   ' ...
      'Accuracy   |   Accuracy   |     Loss     |     Loss     |      Rate       |'])), 'MATLAB''s columns:\n%s', text);
rows = lines(~cellfun(@isempty, regexp(lines, '^\|\s+\d+ \|')));
iterations = cellfun(@(r) str2double(regexp(r, '^\|\s+\d+ \|\s+(\d+) \|', 'tokens', 'once')), rows);
% rows at iteration 1, every 3 (VerboseFrequency), at the validations (1, 5, 8 = the last) and at the end
check(isequal(iterations, [1 3 5 6 8]), 'rows at iterations %s:\n%s', mat2str(iterations), text);
check(~isempty(regexp(rows{3}, '\|\s+\d+\.\d\d% \|\s+\d+\.\d\d% \|\s+\d\.\d{4} \|\s+\d\.\d{4} \|\s+0\.0010 \|$', ...
      'once')), 'a validation row: accuracies in percent, losses, rate:\n%s', rows{3});
check(~isempty(strfind(text, 'Training finished: Max epochs completed.')), 'the closing line');
% regression: RMSE columns
R = cellfun(@(x) mean(x(1, :)), X);
rtext = evalc(['trainNetwork(X, R, [layers(1:2); fullyConnectedLayer(1); regressionLayer], ' ...
               'trainingOptions(''adam'', ''MaxEpochs'', 1, ''MiniBatchSize'', 5, ''Seed'', 2));']);
check(~isempty(strfind(rtext, '|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Mini-batch  |  Base Learning  |')) ...
      && ~isempty(strfind(rtext, '|     RMSE     |     Loss     |')), 'regression: RMSE, no validation columns:\n%s', rtext);
% trainnet's table
XT = cellfun(@transpose, X, 'UniformOutput', false);
T = categorical(y);
topts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 5, 'Seed', 2, 'VerboseFrequency', 3, ...
                        'ValidationData', {XT(1:4), T(1:4)}, 'ValidationFrequency', 5, 'Metrics', 'accuracy');
ttext = evalc('trainnet(XT, T, layers(1:4), ''crossentropy'', topts);');
tlines = strsplit(ttext, sprintf('\n'));
header = find(~cellfun(@isempty, regexp(tlines, '^ {4}Iteration {4}Epoch {4}TimeElapsed {4}LearnRate {4}TrainingLoss {4}ValidationLoss {4}TrainingAccuracy {4}ValidationAccuracy$')), 1);
check(~isempty(header) && ~isempty(regexp(tlines{header + 1}, '^( {4}_+)+$', 'once')), 'trainnet''s header:\n%s', ttext);
first = regexp(tlines{header + 2}, '\S+', 'match');
check(isequal(first(1:2), {'0', '0'}) && numel(first) == 6, 'a row for the validation before training: %s', ...
      tlines{header + 2});
check(~isempty(strfind(ttext, 'Training stopped: Max epochs completed')), 'trainnet''s closing line');
% Plots 'training-progress': here, without a display, a PNG named in the output, never over an existing file
folder = fullfile(ctx.outDir, 'plots');
if ~exist(folder, 'dir')
  mkdir(folder);
end
here = pwd;
back = onCleanup(@() cd(here));
cd(folder);
old = dir(fullfile(folder, '*.png'));
for k = 1:numel(old)
  delete(fullfile(folder, old(k).name));
end
popts = trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 5, 'Seed', 2, 'Verbose', false, ...
                        'Plots', 'training-progress', 'ValidationData', {X(1:4), y(1:4)});
out = evalc('trainNetwork(X, y, layers, popts);');
written = regexp(out, 'Training progress plot written to (\S+\.png)', 'tokens', 'once');
check(~isempty(written) && strcmp(written{1}, fullfile(folder, 'training-progress.png')), ...
      'the PNG is named in the output: "%s"', out);
fid = fopen(written{1}, 'r');
magic = fread(fid, 8)';
fclose(fid);
check(isequal(magic, [137 80 78 71 13 10 26 10]), 'a PNG file');
again = evalc('trainnet(XT, T, layers(1:4), ''crossentropy'', trainingOptions(''adam'', ''MaxEpochs'', 1, ''Verbose'', false, ''Plots'', ''training-progress''));');
check(~isempty(strfind(again, fullfile(folder, 'training-progress-2.png'))) && ...
      exist(fullfile(folder, 'training-progress-2.png'), 'file') == 2, 'a second plot gets a new name: "%s"', again);
end
