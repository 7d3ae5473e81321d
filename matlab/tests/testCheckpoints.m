function testCheckpoints(ctx)
% CheckpointPath writes checkpoints; ResumeFromCheckpoint continues one: 2 epochs + resumed to 4 = 4 epochs.
% For a GRU and an LSTM network.
rng(7);
[X, y] = toyData(40, 3);
recurrent = {bigruLayer(6, 'OutputMode', 'last'), bilstmLayer(6, 'OutputMode', 'last')};
for k = 1:numel(recurrent)
  resumeEqualsStraight(ctx, X, y, [sequenceInputLayer(3); recurrent{k}; dropoutLayer(0.1); fullyConnectedLayer(2); ...
                                   softmaxLayer; classificationLayer]);
end
folder = fullfile(ctx.outDir, 'checkpoints');
expectError(@() trainingOptions('adam', 'ResumeFromCheckpoint', true), ...
            'ResumeFromCheckpoint needs a CheckpointPath');
expectError(@() trainingOptions('adam', 'CheckpointPath', folder, 'CheckpointFrequency', 2), ...
            '''CheckpointFrequency'' must be 1 with CheckpointFrequencyUnit ''epoch''');
end

function resumeEqualsStraight(ctx, X, y, layers)
folder = fullfile(ctx.outDir, 'checkpoints');
if exist(folder, 'dir')
  confirm_recursive_rmdir(false, 'local');
  rmdir(folder, 's');
end
common = {'MiniBatchSize', 8, 'Verbose', false, 'Seed', 3, 'Shuffle', 'every-epoch'};
straight = trainNetwork(X, y, layers, trainingOptions('adam', 'MaxEpochs', 4, common{:}));
trainNetwork(X, y, layers, trainingOptions('adam', 'MaxEpochs', 2, 'CheckpointPath', folder, ...
             'CheckpointFrequency', 3, 'CheckpointFrequencyUnit', 'iteration', common{:}));
files = dir(fullfile(folder, 'checkpoint-*.safetensors'));
check(numel(files) == 2, '%d checkpoint files kept, expected 2', numel(files));
resumed = trainNetwork(X, y, layers, trainingOptions('adam', 'MaxEpochs', 4, 'CheckpointPath', folder, ...
                       'ResumeFromCheckpoint', true, common{:}));
check(isequal(predict(resumed, X), predict(straight, X)), 'resumed training equals uninterrupted training (%s)', ...
      layers(2).Type);
end
