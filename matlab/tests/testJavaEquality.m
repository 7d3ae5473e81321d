function testJavaEquality(ctx)
% Trains networks on the first 200 digits with fixed seeds and saves them; the Java side of the test trains
% the same networks through the Java API and compares the weights bit for bit: a BiGRU, and a stack of LSTM
% layers with dropout and a hidden layer between them.
csv = gunzip(fullfile(ctx.examples, 'data', 'digits.csv.gz'), tempname());
D = dlmread(csv{1}, ',');
D = D(1:200, :);
X = arrayfun(@(i) reshape(D(i, 1:64), 8, 8) / 16, (1:200)', 'UniformOutput', false);
y = D(:, 65);
layers = [sequenceInputLayer(8); bigruLayer(16, 'OutputMode', 'last'); fullyConnectedLayer(10); softmaxLayer; ...
          classificationLayer];
% Verbose: the Java side of the test also checks that the progress table reached Octave's output
opts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 32, 'Seed', 42, 'VerboseFrequency', 5);
trainAndSave(ctx, X, y, layers, opts, 'octave-digits');
lstmLayers = [sequenceInputLayer(8); lstmLayer(12); dropoutLayer(0.2); bilstmLayer(16, 'OutputMode', 'last'); ...
              fullyConnectedLayer(20); reluLayer; dropoutLayer(0.1); fullyConnectedLayer(10); softmaxLayer; ...
              classificationLayer];
lstmOpts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 32, 'Seed', 43, 'Verbose', false);
trainAndSave(ctx, X, y, lstmLayers, lstmOpts, 'octave-digits-lstm');
end

function trainAndSave(ctx, X, y, layers, opts, name)
net = trainNetwork(X, y, layers, opts);
bigru.saveNetwork(net, fullfile(ctx.outDir, [name '.safetensors']));
scores = predict(net, X);
fid = fopen(fullfile(ctx.outDir, [name '-scores.txt']), 'w');
fprintf(fid, '%.17g\n', scores');
fclose(fid);
end
