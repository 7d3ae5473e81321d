function testLayers(~)
% Layers carry MATLAB's names and defaults and concatenate into a layer array.
layers = [bigru.sequenceInputLayer(3); bigru.bigruLayer(16); bigru.dropoutLayer(); bigru.fullyConnectedLayer(2); ...
          bigru.softmaxLayer; bigru.classificationLayer];
check(isequal(size(layers), [6 1]), 'layer array is %s', mat2str(size(layers)));
check(layers(1).InputSize == 3, 'InputSize');
check(strcmp(layers(2).OutputMode, 'sequence'), 'bigruLayer OutputMode default is %s', layers(2).OutputMode);
check(strcmp(layers(2).ResetGateMode, 'after-multiplication'), 'ResetGateMode default');
check(strcmp(layers(2).MergeMode, 'concat'), 'MergeMode default');
check(layers(3).Probability == 0.5, 'dropoutLayer default probability');
check(layers(4).OutputSize == 2, 'OutputSize');
g = bigru.gruLayer(5, 'OutputMode', 'LAST', 'Name', 'g1');
check(strcmp(g.OutputMode, 'last') && strcmp(g.Name, 'g1') && strcmp(g.Type, 'gru'), 'gruLayer options');
row = [bigru.sequenceInputLayer(2), bigru.gruLayer(4)];
check(isequal(size(row), [1 2]), 'a row of layers concatenates too');
expectError(@() bigru.bigruLayer(8, 'OutputMod', 'last'), '''OutputMod'' is not an option of bigruLayer');
expectError(@() bigru.bigruLayer(8, 'OutputMode', 'first'), 'OutputMode must be one of ''sequence'', ''last''');
expectError(@() bigru.bigruLayer(0), 'numHiddenUnits must be a whole number of at least 1');
expectError(@() bigru.fullyConnectedLayer(2.5), 'outputSize must be a whole number');
expectError(@() bigru.dropoutLayer(1), 'probability must be a number in \[0, 1\)');
expectError(@() bigru.sequenceInputLayer(3, 'Normalization', 'zscore'), 'Normalization must be one of ''none''');
% the compat names are the same functions
c = [sequenceInputLayer(3); bigruLayer(16, 'OutputMode', 'last')];
check(isequal(c, [bigru.sequenceInputLayer(3); bigru.bigruLayer(16, 'OutputMode', 'last')]), 'compat layers');
end
