function testSequenceLength(~)
% trainingOptions' SequenceLength and SequencePaddingDirection, with MATLAB's rules: 'longest' pads each
% mini-batch to its longest sequence (bigru masks the padding, so the direction changes nothing); 'shortest' cuts
% each to its shortest, keeping the first steps ('right') or the last ('left'); a number pads each mini-batch to
% its longest and splits it into pieces of that many steps, one iteration each, the last piece shorter, the
% recurrent states carried from piece to piece.
rng(51);
lengths = [3 9 4 12 5 7 6 10 8 11 3 5 4 6 9 7];
X = arrayfun(@(n) randn(2, n), lengths', 'UniformOutput', false);
R = cellfun(@(x) cumsum(x(1, :)), X, 'UniformOutput', false);
layers = [sequenceInputLayer(2); gruLayer(5); fullyConnectedLayer(1); regressionLayer];
common = {'MaxEpochs', 1, 'MiniBatchSize', 4, 'Shuffle', 'never', 'Verbose', false, 'Seed', 6};
train = @(varargin) trainNetwork(X, R, layers, trainingOptions('adam', common{:}, varargin{:}));
% with Shuffle 'never' the mini-batches are sequences 1-4, 5-8, 9-12 and 13-16
longest = max(reshape(lengths, 4, []), [], 1);
for n = [3 5]
  [~, info] = train('SequenceLength', n);
  check(numel(info.TrainingLoss) == sum(ceil(longest / n)), 'SequenceLength %d: %d iterations, expected %d', n, ...
        numel(info.TrainingLoss), sum(ceil(longest / n)));
end
[net, info] = train();
check(numel(info.TrainingLoss) == 4, 'one iteration per mini-batch');
check(isequal(predict(train('SequencePaddingDirection', 'left'), X), predict(net, X)), ...
      '''longest'': padding is masked, so its direction changes nothing');
check(isequal(predict(train('SequenceLength', 12), X), predict(net, X)), ...
      'a number of steps no mini-batch exceeds changes nothing');
[short, shortInfo] = train('SequenceLength', 'shortest');
shortLeft = train('SequenceLength', 'shortest', 'SequencePaddingDirection', 'left');
check(numel(shortInfo.TrainingLoss) == 4 && ~isequal(predict(short, X), predict(net, X)), ...
      '''shortest'' cuts the mini-batches');
check(~isequal(predict(shortLeft, X), predict(short, X)), '''left'' keeps other steps than ''right''');
splitRight = train('SequenceLength', 4);
splitLeft = train('SequenceLength', 4, 'SequencePaddingDirection', 'left');
check(~isequal(predict(splitLeft, X), predict(splitRight, X)), 'pieces fall elsewhere with ''left''');
% classification per sequence, and trainnet
y = categorical(cellfun(@(x) double(sum(x(1, :)) > 0), X));
clayers = [sequenceInputLayer(2); bilstmLayer(4, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer];
XT = cellfun(@transpose, X, 'UniformOutput', false);
[~, cinfo] = trainnet(XT, y, clayers, 'crossentropy', trainingOptions('adam', common{:}, 'SequenceLength', 5, ...
                      'SequencePaddingDirection', 'left', 'Metrics', 'accuracy'));
check(numel(cinfo.TrainingHistory.Loss) == sum(ceil(longest / 5)), 'trainnet splits as trainNetwork does');
expectError(@() trainingOptions('adam', 'SequenceLength', 0), ...
            'the value of ''SequenceLength'' must be ''longest'', ''shortest'' or a whole number of at least 1, not 0', ...
            'bigru:trainingOptions:invalidValue');
expectError(@() predict(net, X, 'SequenceLength', 'shortest'), ['predict: SequenceLength ''shortest'' is not ' ...
            'supported: bigru predicts on whole sequences'], 'bigru:predict:notSupported');
end
