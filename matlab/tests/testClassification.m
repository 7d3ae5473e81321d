function testClassification(ctx)
% Sequence-to-label classification: label types and orientation come back; scores; save and load.
rng(5);
[X, y] = toyData(40, 3);
layers = [sequenceInputLayer(3); bigruLayer(8, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
          classificationLayer];
opts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 11);
[net, info] = trainNetwork(X, y, layers, opts);
check(numel(info.TrainingLoss) == 10 && all(isfinite(info.TrainingLoss)), 'TrainingLoss has %d entries', ...
      numel(info.TrainingLoss));
pred = classify(net, X);
check(isa(pred, 'double') && isequal(size(pred), [40 1]) && all(ismember(pred, [0 1])), 'numeric labels come back');
scores = predict(net, X);
check(isequal(size(scores), [40 2]) && max(abs(sum(scores, 2) - 1)) < 1e-12, 'scores are probabilities');
[~, best] = max(scores, [], 2);
check(isequal(pred, best - 1), 'classify is the argmax of predict');
[pred2, scores2] = classify(net, X);
check(isequal(pred2, pred) && isequal(scores2, scores), 'second output of classify');
% the same seed trains the same network
again = trainNetwork(X, y, layers, opts);
check(isequal(predict(again, X), scores), 'same seed, same network');
% labels as a cell array of strings, in a row
names = {'neg', 'pos'};
yText = names(y' + 1);
textNet = trainNetwork(X, yText, layers, opts);
predText = classify(textNet, X);
check(iscellstr(predText) && isequal(size(predText), [1 40]), 'cellstr row labels come back as a row');
check(isequal(textNet.ClassNames, {'neg'; 'pos'}), 'class names sorted');
check(isequal(predict(textNet, X), scores), 'label type does not change training');
% one sequence alone, and a single matrix for X
one = classify(net, X(1));
check(isequal(one, pred(1)), 'a batch of one sequence');
check(isequal(classify(net, X{1}), pred(1)), 'a matrix is one sequence');
% save and load: the same predictions, layers and label type
file = fullfile(ctx.outDir, 'octave-classification.safetensors');
bigru.saveNetwork(net, file);
bigru.saveNetwork(textNet, [file '.text']);
loaded = bigru.loadNetwork(file);
check(isequal(predict(loaded, X), scores), 'a loaded network predicts the same');
check(isequal(classify(loaded, X), pred), 'a loaded network classifies the same');
check(isequal({loaded.Layers.Type}, {net.Layers.Type}) && isequal({loaded.Layers.Name}, {net.Layers.Name}), ...
      'layers survive the file');
loadedText = bigru.loadNetwork([file '.text']);
check(isequal(classify(loadedText, X), predText), 'label type and orientation survive the file');
expectError(@() bigru.loadNetwork(fullfile(ctx.outDir, 'missing.safetensors')), 'loadNetwork: ');
% a BiLSTM network with categorical labels: categorical predictions, save and load
yCat = categorical(names(y + 1)');
lstmLayers = [sequenceInputLayer(3); bilstmLayer(8, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
              classificationLayer];
lstmNet = trainNetwork(X, yCat, lstmLayers, opts);
lstmPred = classify(lstmNet, X);
check(isa(lstmPred, 'categorical') && isequal(size(lstmPred), [40 1]) && isequal(categories(lstmPred), names'), ...
      'categorical labels come back categorical, with their categories');
lstmScores = predict(lstmNet, X);
[~, lstmBest] = max(lstmScores, [], 2);
check(isequal(double(lstmPred), lstmBest) && mean(lstmPred == yCat) == mean(lstmBest == y + 1), ...
      'classify is the argmax of predict, and compares with ==');
check(isequal(predict(trainNetwork(X, yCat, lstmLayers, opts), X), lstmScores), 'same seed, same LSTM network');
bigru.saveNetwork(lstmNet, [file '.lstm']);
loadedLstm = bigru.loadNetwork([file '.lstm']);
check(isequal(predict(loadedLstm, X), lstmScores), 'a loaded LSTM network predicts the same');
check(isequal(cellstr(classify(loadedLstm, X)), cellstr(lstmPred)) && isa(classify(loadedLstm, X), 'categorical'), ...
      'a loaded LSTM network classifies the same, categorical');
check(isequal({loadedLstm.Layers.Type}, {lstmNet.Layers.Type}) && strcmp(loadedLstm.Layers(2).Type, 'bilstm'), ...
      'LSTM layers survive the file');
end
