layers = [
    sequenceInputLayer(input_dim)
    bilstmLayer(64, 'OutputMode', 'sequence')
    fullyConnectedLayer(output_dim)
    softmaxLayer
    classificationLayer ];
options = trainingOptions('adam', 'MaxEpochs', 10, 'MiniBatchSize', 32, ...
                          'ValidationData', {X_val, y_val});
net = trainNetwork(X_train, y_train, layers, options);
pred = classify(net, X_test);
accuracy = mean(pred == y_test);
fprintf('Test accuracy: %f\n', accuracy);
