function testExamples(ctx)
% The example scripts run end to end (few epochs) and learn something: each in MATLAB's older idiom
% (trainNetwork) and in its current one (trainnet).
maxEpochs = 2; %#ok<NASGU> read by the example scripts
verbose = false; %#ok<NASGU>
run(fullfile(ctx.examples, 'classifyDigits.m'));
check(accuracy > 0.3, 'digits test accuracy %.3f after 2 epochs', accuracy);
run(fullfile(ctx.examples, 'classifyDigitsTrainnet.m'));
check(accuracy > 0.3 && isa(net, 'bigru.dlnetwork'), 'digits (trainnet) test accuracy %.3f after 2 epochs', accuracy);
run(fullfile(ctx.examples, 'classifyDigitsBiLSTM.m'));
check(accuracy > 0.3 && strcmp(net.Layers(2).Type, 'bilstm'), 'BiLSTM digits test accuracy %.3f after 2 epochs', ...
      accuracy);
run(fullfile(ctx.examples, 'classifyDigitsBiLSTMTrainnet.m'));
check(accuracy > 0.3 && strcmp(net.Layers(2).Type, 'bilstm'), ...
      'BiLSTM digits (trainnet) test accuracy %.3f after 2 epochs', accuracy);
lookBack = 7; %#ok<NASGU>
plotFile = fullfile(ctx.outDir, 'forecast.png'); %#ok<NASGU>
run(fullfile(ctx.examples, 'forecastWeather.m'));
check(isfinite(rmse) && r2 > 0.3, 'weather forecast R^2 %.3f after 2 epochs', r2);
plotFile = fullfile(ctx.outDir, 'forecast-trainnet.png'); %#ok<NASGU>
run(fullfile(ctx.examples, 'forecastWeatherTrainnet.m'));
check(isfinite(rmse) && r2 > 0.3 && strcmp(net.Layers(1).Normalization, 'zscore'), ...
      'weather forecast (trainnet) R^2 %.3f after 2 epochs', r2);
end
