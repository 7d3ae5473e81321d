function testSaveLoad(ctx)
% Networks survive MATLAB's save and load (their saveobj keeps the model file's bytes, loadobj reads them back),
% and bigru.saveNetwork and bigru.loadNetwork (Octave's way: it cannot save classdef objects), each coming back
% as the class it was: a bigru.SeriesNetwork (trainNetwork) or a bigru.dlnetwork (trainnet, dlnetwork).
rng(81);
[X, y] = toyData(16, 3);
XT = cellfun(@transpose, X, 'UniformOutput', false);
opts = trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 4, 'Verbose', false, 'Seed', 8);
series = trainNetwork(X, y, [sequenceInputLayer(3); bigruLayer(4, 'OutputMode', 'last'); fullyConnectedLayer(2); ...
                             softmaxLayer; classificationLayer], opts);
dl = trainnet(XT, categorical(y), [sequenceInputLayer(3); lstmLayer(4, 'OutputMode', 'last'); ...
                                   fullyConnectedLayer(2); softmaxLayer], 'crossentropy', opts);
fresh = dlnetwork([sequenceInputLayer(3); gruLayer(3); fullyConnectedLayer(1)]);
saved = saveobj(series);
check(isstruct(saved) && ischar(saved.Model) && strcmp(saved.Format, 'bigru'), 'saveobj keeps the model''s bytes');
back = bigru.SeriesNetwork.loadobj(saved);
check(isa(back, 'bigru.SeriesNetwork') && isequal(classify(back, X), classify(series, X)) && ...
      isequal(predict(back, X), predict(series, X)) && isequal(back.Layers, series.Layers), ...
      'a SeriesNetwork through saveobj/loadobj');
for net = {dl, fresh}
  n = net{1};
  b = bigru.dlnetwork.loadobj(saveobj(n));
  check(isa(b, 'bigru.dlnetwork') && isequal(minibatchpredict(b, XT), minibatchpredict(n, XT)) && ...
        isequal(b.Layers, n.Layers) && isequal(b.Learnables, n.Learnables), 'a dlnetwork through saveobj/loadobj');
  file = fullfile(ctx.outDir, 'dlnetwork.safetensors');
  bigru.saveNetwork(n, file);
  loaded = bigru.loadNetwork(file);
  check(isa(loaded, 'bigru.dlnetwork') && isequal(minibatchpredict(loaded, XT), minibatchpredict(n, XT)), ...
        'a dlnetwork through saveNetwork/loadNetwork');
end
check(isa(bigru.dlnetwork.loadobj(saveobj(series)), 'bigru.SeriesNetwork'), ...
      'loadobj gives the class the bytes were saved as');
expectError(@() bigru.dlnetwork.loadobj(struct('Model', 'not a model')), '^load: cannot read the saved network', ...
            'bigru:load:fileError');
end
