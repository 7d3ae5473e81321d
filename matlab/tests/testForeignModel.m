function testForeignModel(ctx)
% Networks written by the Java API (as the command line writes them, with PyTorch's reset gate mode and no
% MATLAB metadata) load with MATLAB layers and predict; the Java side of the test compares the predictions.
X = foreignInputs();
reg = bigru.loadNetwork(fullfile(ctx.outDir, 'java-regression.safetensors'));
check(isequal({reg.Layers.Type}, {'sequenceInput', 'bigru', 'fullyConnected', 'regression'}), 'regression layers');
check(strcmp(reg.Layers(2).ResetGateMode, 'recurrent-bias-after-multiplication'), 'reset gate mode');
check(strcmp(reg.Layers(2).OutputMode, 'sequence') && reg.Layers(2).NumHiddenUnits == 5, 'recurrent layer');
check(isequal(reg.Metadata(strcmp(reg.Metadata(:, 1), 'scaler'), 2), {'standard'}), 'metadata of the file');
out = predict(reg, X);
check(all(cellfun(@(o, x) isequal(size(o), [2 size(x, 2)]), out, X)), 'a response pair per time step');
values = cellfun(@(o) o(:), out, 'UniformOutput', false);
writeValues(fullfile(ctx.outDir, 'octave-regression-predictions.txt'), vertcat(values{:}));
cls = bigru.loadNetwork(fullfile(ctx.outDir, 'java-classification.safetensors'));
check(isequal({cls.Layers.Type}, {'sequenceInput', 'gru', 'fullyConnected', 'softmax', 'classification'}), ...
      'classification layers');
labels = classify(cls, X);
check(isa(labels, 'categorical') && isequal(categories(labels), {'cat'; 'dog'; 'emu'}), ...
      'foreign classes come back categorical, as in MATLAB');
scores = predict(cls, X);
[~, best] = max(scores, [], 2);
check(isequal(cellstr(labels), cls.ClassNames(best)), 'labels follow the scores');
writeValues(fullfile(ctx.outDir, 'octave-classification-scores.txt'), reshape(scores', [], 1));
% LSTM layers in any order (a PyTorch-style stack): MATLAB's LSTM layers for them
lstm = bigru.loadNetwork(fullfile(ctx.outDir, 'java-lstm.safetensors'));
check(isequal({lstm.Layers.Type}, {'sequenceInput', 'fullyConnected', 'tanh', 'bilstm', 'dropout', 'lstm', ...
      'fullyConnected', 'softmax', 'classification'}), 'LSTM layers: %s', strjoin({lstm.Layers.Type}, ' '));
check(strcmp(lstm.Layers(4).MergeMode, 'sum') && isempty(lstm.Layers(4).ResetGateMode) && ...
      strcmp(lstm.Layers(6).OutputMode, 'last') && lstm.Layers(6).NumHiddenUnits == 4, 'LSTM layer properties');
lstmScores = predict(lstm, X);
check(isequal(size(lstmScores), [6 2]), 'one score row per sequence');
writeValues(fullfile(ctx.outDir, 'octave-lstm-scores.txt'), reshape(lstmScores', [], 1));
end

function X = foreignInputs()
% Inputs the Java side builds the same way: exact arithmetic, no library functions.
X = cell(6, 1);
for i = 1:6
  steps = 2 + i;
  X{i} = zeros(3, steps);
  for f = 1:3
    for t = 1:steps
      X{i}(f, t) = mod(i * 7 + f * 3 + t * 5, 11) / 10 - 0.5;
    end
  end
end
end

function writeValues(file, values)
fid = fopen(file, 'w');
fprintf(fid, '%.17g\n', values);
fclose(fid);
end
