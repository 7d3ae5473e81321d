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
expectError(@() bigru.bigruLayer(8, 'OutputMode', 'first'), ...
            'the value of ''OutputMode'' must be ''sequence'', ''last'', not ''first''');
expectError(@() bigru.bigruLayer(0), 'numHiddenUnits must be a whole number of at least 1');
expectError(@() bigru.fullyConnectedLayer(2.5), 'outputSize must be a whole number');
expectError(@() bigru.dropoutLayer(1), 'probability must be a number in \[0, 1\)');
expectError(@() bigru.sequenceInputLayer(3, 'Normalization', 'zscore'), ...
            'the value of ''Normalization'' must be ''none'', not ''zscore''');
% LSTM layers: MATLAB's options bigru takes (OutputMode, Name) with MATLAB's defaults; the others refused by name
l = bigru.lstmLayer(7);
check(strcmp(l.Type, 'lstm') && l.NumHiddenUnits == 7 && strcmp(l.OutputMode, 'sequence') && isempty(l.Name), ...
      'lstmLayer defaults');
check(isempty(l.ResetGateMode) && isempty(l.MergeMode), 'an LSTM has no reset gate; one direction has no merge');
b = bigru.bilstmLayer(5, 'OutputMode', 'last', 'Name', 'bi');
check(strcmp(b.Type, 'bilstm') && b.NumHiddenUnits == 5 && strcmp(b.OutputMode, 'last') && strcmp(b.Name, 'bi'), ...
      'bilstmLayer options');
d = bigru.bilstmLayer(5);
check(strcmp(d.MergeMode, 'concat') && strcmp(d.OutputMode, 'sequence'), 'bilstmLayer defaults');
expectError(@() bigru.lstmLayer(4, 'StateActivationFunction', 'softsign'), ['lstmLayer: bigru does not take the ' ...
            'option ''StateActivationFunction'' of MATLAB''s lstmLayer: its LSTM layers always use ''tanh'' ' ...
            '\(MATLAB''s default\)\. The options of bigru''s lstmLayer are: Name, OutputMode']);
expectError(@() bigru.bilstmLayer(4, 'hasstateinputs', true), 'option ''HasStateInputs'' of MATLAB''s bilstmLayer');
expectError(@() bigru.bilstmLayer(4, 'BiasInitializer', 'ones'), '''unit-forget-gate'' \(MATLAB''s default\)');
expectError(@() bigru.lstmLayer(4, 'ResetGateMode', 'after-multiplication'), ...
            '''ResetGateMode'' is not an option of lstmLayer; the options are: Name, OutputMode');
expectError(@() bigru.bilstmLayer(4, 'OutputMode', 'all'), ...
            'bilstmLayer: the value of ''OutputMode'' must be ''sequence'', ''last'', not ''all''');
expectError(@() bigru.lstmLayer(), 'lstmLayer: numHiddenUnits is required');
expectError(@() bigru.bilstmLayer(-2), 'bilstmLayer: numHiddenUnits must be a whole number of at least 1');
% the compat names are the same functions
c = [sequenceInputLayer(3); bigruLayer(16, 'OutputMode', 'last')];
check(isequal(c, [bigru.sequenceInputLayer(3); bigru.bigruLayer(16, 'OutputMode', 'last')]), 'compat layers');
check(isequal([lstmLayer(3); bilstmLayer(4, 'OutputMode', 'last')], ...
              [bigru.lstmLayer(3); bigru.bilstmLayer(4, 'OutputMode', 'last')]), 'compat LSTM layers');
end
