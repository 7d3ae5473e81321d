function testValidationSchedule(~)
% When training validates, against the lists MATLAB's documentation gives (trainingOptions, ValidationFrequency
% and ValidationPatience; trainNetwork's info; trainnet's TrainingInfo):
%   trainNetwork validates after iteration 1, every ValidationFrequency iterations, and after the last iteration;
%   trainnet validates before the first iteration (iteration 0), every ValidationFrequency iterations, and after
%   the last iteration; neither at epoch ends;
%   ValidationPatience is the number of validations in a row whose loss is larger than or equal to the smallest
%   so far before training stops ("Met validation criterion");
%   OutputNetwork 'last-iteration' returns the last iteration's network, 'best-validation' the best validation's
%   (by ObjectiveMetricName), 'auto' the latter with ValidationData; FinalValidationLoss is the returned network's.
rng(21);
[X, y] = toyData(44, 3);
labels = categorical(y);
% 44 sequences in mini-batches of 8: 6 iterations per epoch (the last batch of 4), 18 in 3 epochs
layers = [sequenceInputLayer(3); bigruLayer(5, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
          classificationLayer];
common = {'MaxEpochs', 3, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 4, 'ValidationFrequency', 5};
[~, info] = trainNetwork(X, labels, layers, trainingOptions('adam', common{:}, ...
                                                            'ValidationData', {X(1:9), labels(1:9)}));
check(isequal(find(~isnan(info.ValidationLoss)), [1 5 10 15 18]), ...
      'trainNetwork validates at iterations 1, 5, 10, 15 and 18, not %s', mat2str(find(~isnan(info.ValidationLoss))));
check(isequal(isnan(info.ValidationAccuracy), isnan(info.ValidationLoss)), 'accuracy with every validation');
check(numel(info.TrainingLoss) == 18 && all(isfinite(info.TrainingAccuracy)), '18 iterations, each with an accuracy');
% a frequency that falls on the last iteration validates it once
[~, info] = trainNetwork(X, labels, layers, trainingOptions('adam', common{:}, 'ValidationFrequency', 6, ...
                                                            'ValidationData', {X(1:9), labels(1:9)}));
check(isequal(find(~isnan(info.ValidationLoss)), [1 6 12 18]), 'frequency 6: %s', ...
      mat2str(find(~isnan(info.ValidationLoss))));

% trainnet: iteration 0, every ValidationFrequency, the last
XT = cellfun(@transpose, X, 'UniformOutput', false);
dl = layers(1:4);
[~, info] = trainnet(XT, labels, dl, 'crossentropy', trainingOptions('adam', common{:}, 'Metrics', 'accuracy', ...
                                                                    'ValidationData', {XT(1:9), labels(1:9)}));
check(isequal(info.ValidationHistory.Iteration', [0 5 10 15 18]), 'trainnet validates at 0, 5, 10, 15 and 18, not %s', ...
      mat2str(info.ValidationHistory.Iteration'));
check(isequal(info.TrainingHistory.Iteration', 1:18) && isequal(info.TrainingHistory.Epoch', kron(1:3, ones(1, 6))), ...
      'TrainingHistory: one row per iteration, with its epoch');
check(all(isfinite(info.ValidationHistory.Accuracy)) && all(info.ValidationHistory.Accuracy <= 100), ...
      'validation accuracy in percent');
check(info.OutputNetworkIteration >= 5, 'the validation at iteration 0 is never the output network (%d)', ...
      info.OutputNetworkIteration);

% Patience, counted in validations. The validation data are the training sequences with the other label, so the
% validation loss grows as training goes on: iteration 1 validates best, and patience 3 stops training at the
% third validation after it (iterations 2, 4 and 6 with ValidationFrequency 2).
flipped = categorical(1 - y);
patience = {'MaxEpochs', 20, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 4, 'ValidationFrequency', 2, ...
            'ValidationPatience', 3, 'InitialLearnRate', 0.01, 'ValidationData', {X, flipped}};
[lastNet, last] = trainNetwork(X, labels, layers, trainingOptions('adam', patience{:}, ...
                                                                  'OutputNetwork', 'last-iteration'));
validated = find(~isnan(last.ValidationLoss));
check(isequal(validated, [1 2 4 6]), 'validations %s, expected [1 2 4 6]', mat2str(validated));
check(all(diff(last.ValidationLoss(validated)) > 0), 'the validation loss grows: %s', ...
      mat2str(last.ValidationLoss(validated), 5));
check(numel(last.TrainingLoss) == 6 && strcmp(last.StopReason, 'Met validation criterion'), ...
      'stopped at iteration %d: %s', numel(last.TrainingLoss), last.StopReason);
check(last.OutputNetworkIteration == 6 && last.FinalValidationLoss == last.ValidationLoss(6), ...
      '''last-iteration'': the network of iteration 6 and its validation loss');
check(abs(crossEntropy(predict(lastNet, X), flipped) - last.FinalValidationLoss) < 1e-5, ...
      'FinalValidationLoss is the returned network''s loss on the validation data');
for output = {'best-validation', 'auto'}
  [bestNet, best] = trainNetwork(X, labels, layers, trainingOptions('adam', patience{:}, 'OutputNetwork', output{1}));
  check(isequaln(best.ValidationLoss, last.ValidationLoss) && isequal(best.TrainingLoss, last.TrainingLoss), ...
        '%s trains as last-iteration does', output{1});
  check(best.OutputNetworkIteration == 1 && best.FinalValidationLoss == best.ValidationLoss(1), ...
        '%s: the network of iteration 1 (%d) and its validation loss', output{1}, best.OutputNetworkIteration);
  check(abs(crossEntropy(predict(bestNet, X), flipped) - best.FinalValidationLoss) < 1e-5, ...
        '%s: FinalValidationLoss is the returned network''s', output{1});
end
% trainnet counts patience the same way, its iteration 0 aside
[~, t] = trainnet(XT, labels, dl, 'crossentropy', trainingOptions('adam', patience{1:end - 1}, ...
                  {XT, flipped}, 'Metrics', 'accuracy'));
check(isequal(t.ValidationHistory.Iteration', [0 2 4 6 8]) && t.OutputNetworkIteration == 2 ...
      && strcmp(t.StopReason, 'Met validation criterion'), ...
      'trainnet: validations %s, output network %d', mat2str(t.ValidationHistory.Iteration'), t.OutputNetworkIteration);
% ObjectiveMetricName 'accuracy': the best validation by accuracy, patience judged by it
[~, a] = trainnet(XT, labels, dl, 'crossentropy', trainingOptions('adam', common{:}, 'Metrics', 'accuracy', ...
                  'ObjectiveMetricName', 'accuracy', 'ValidationData', {XT(1:9), labels(1:9)}));
accuracies = a.ValidationHistory.Accuracy(2:end);
[~, first] = max(accuracies);
check(a.OutputNetworkIteration == a.ValidationHistory.Iteration(first + 1), ...
      'the first validation of the highest accuracy (%d) is the output network (%d)', ...
      a.ValidationHistory.Iteration(first + 1), a.OutputNetworkIteration);
end

function loss = crossEntropy(scores, labels)
% Mean cross-entropy of class scores against categorical labels.
codes = double(labels(:));
loss = -mean(log(scores(sub2ind(size(scores), (1:numel(codes))', codes))));
end
