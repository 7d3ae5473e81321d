function testJavaEquality(ctx)
% Trains on the first 200 digits with a fixed seed and saves the network; the Java side of the test trains
% the same network through the Java API and compares the weights bit for bit.
csv = gunzip(fullfile(ctx.examples, 'data', 'digits.csv.gz'), tempname());
D = dlmread(csv{1}, ',');
D = D(1:200, :);
X = arrayfun(@(i) reshape(D(i, 1:64), 8, 8) / 16, (1:200)', 'UniformOutput', false);
y = D(:, 65);
layers = [sequenceInputLayer(8); bigruLayer(16, 'OutputMode', 'last'); fullyConnectedLayer(10); softmaxLayer; ...
          classificationLayer];
% Verbose: the Java side of the test also checks that the progress table reached Octave's output
opts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 32, 'Seed', 42, 'VerboseFrequency', 5);
net = trainNetwork(X, y, layers, opts);
bigru.saveNetwork(net, fullfile(ctx.outDir, 'octave-digits.safetensors'));
scores = predict(net, X);
fid = fopen(fullfile(ctx.outDir, 'octave-digits-scores.txt'), 'w');
fprintf(fid, '%.17g\n', scores');
fclose(fid);
end
